"""Config loader."""
import yaml


def load(text):
    return yaml.load(text, Loader=yaml.FullLoader)


def load_all(stream):
    return list(yaml.unsafe_load_all(stream))
