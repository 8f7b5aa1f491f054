print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError), issubclass(ValueError, (TypeError, Exception)))
