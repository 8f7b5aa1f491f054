class Base:
    def who(self):
        return ["Base"]
class Mid(Base):
    def who(self):
        return ["Mid"] + super().who()
class Leaf(Mid):
    def who(self):
        return ["Leaf"] + super().who()
print(Leaf().who())
