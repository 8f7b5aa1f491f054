import os  # expect: SP301
import subprocess as sp  # expect: SP301
from socket import socket as s  # expect: SP301
import os.path  # expect: SP301
from os import *  # expect: SP301
import numpy  # expect: SP302
import math, re, json, collections
from typing import List
from __future__ import annotations
from . import sibling
import sys  # expect: SP301
sys.modules["os"]  # expect: SP303
sys.path.append("/tmp")  # expect: SP303
