import requests


def fetch(url):
    r = requests.get(url)
    return requests.post(url, data={"a": 1},).json()
