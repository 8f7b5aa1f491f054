"""An LLM-style answer to "sum the numbers in a config string" with the
kind of shortcuts stelp exists to catch."""
import os


def parse_config(text: str) -> dict:
    # "just eval it" - the model's shortcut
    return eval(text)


def total(text: str) -> int:
    cfg = parse_config(text)
    log = open("/tmp/stelp-demo.log", "w")
    log.write(str(cfg))
    return sum(cfg.values())


def wait_for_ready():
    ready = False
    while not ready:
        pass


if __name__ == "__main__":
    print(total(os.environ.get("CONFIG", "{'a': 1, 'b': 2}")))
