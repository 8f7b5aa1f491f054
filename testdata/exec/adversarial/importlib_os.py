# expect: violation import
import importlib
os = importlib.import_module('os')
