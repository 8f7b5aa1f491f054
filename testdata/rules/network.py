import socket  # expect: SP301
import requests  # expect: SP301
import urllib.request  # expect: SP301
import ftplib  # expect: SP301
import ssl  # expect: SP301

s = socket.socket()  # expect: SP601, SP831
s.bind(("0.0.0.0", 80))  # expect: SP606
requests.get("https://example.com")  # expect: SP602, SP604
requests.get("https://example.com", timeout=5, verify=False)  # expect: SP602, SP605
urllib.request.urlopen("http://x", timeout=3)  # expect: SP602, SP831
ftplib.FTP("host")  # expect: SP603
ctx = ssl._create_unverified_context()  # expect: SP605
