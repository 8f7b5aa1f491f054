# expect: violation attribute
# __init_subclass__ is readable (super().__init_subclass__ is common), but
# the bound method must not lead back to the class hierarchy.
hook = object.__init_subclass__
owner = getattr(hook, "__se" + "lf__")
print(owner.__subclasses__())
