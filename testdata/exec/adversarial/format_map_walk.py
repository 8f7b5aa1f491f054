# expect: violation attribute
class A:
    pass
print('{0.__class__.__dict__}'.format_map({'0': A()}) if hasattr('', 'format_map') else '{0.__dict__}'.format(A))
