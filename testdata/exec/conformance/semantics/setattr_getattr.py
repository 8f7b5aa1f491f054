class O: pass
o = O()
setattr(o, "x", 5)
print(getattr(o, "x"), getattr(o, "y", "def"), hasattr(o, "y"), o.x)
