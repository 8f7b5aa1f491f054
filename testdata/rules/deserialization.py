import pickle  # expect: SP301
import marshal  # expect: SP301
import shelve  # expect: SP301
import yaml  # expect: SP302
import dill  # expect: SP301
import torch  # expect: SP302
import json

pickle.loads(blob)  # expect: SP701
pickle.Unpickler(f).load()  # expect: SP701
marshal.loads(blob)  # expect: SP702
shelve.open("db")  # expect: SP703, SP831
yaml.load(text)  # expect: SP704
yaml.load(text, Loader=yaml.SafeLoader)
yaml.safe_load(text)
dill.loads(blob)  # expect: SP705
torch.load("m.pt")  # expect: SP706
torch.load("m.pt", weights_only=True)
json.loads(text)
load = pickle.loads
load(blob)  # expect: SP701
