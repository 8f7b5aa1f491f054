class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
class Dog(Animal):
    def __init__(self, name, breed):
        Animal.__init__(self, name)
        self.breed = breed
    def speak(self):
        return self.name + " barks"
d = Dog("rex", "lab")
print(d.speak(), d.breed, isinstance(d, Animal), Animal.speak(d))
