# expect: violation import
from os import system
system('echo pwned')
