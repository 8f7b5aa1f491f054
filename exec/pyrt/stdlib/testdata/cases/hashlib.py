#=== digests
import hashlib
print(hashlib.md5(b"hello").hexdigest())
print(hashlib.sha1(b"hello").hexdigest())
print(hashlib.sha256(b"hello").hexdigest())
print(hashlib.sha512(b"").hexdigest())
h = hashlib.sha256()
h.update(b"hel")
h.update(b"lo")
print(h.hexdigest(), h.digest_size, h.name)
print(hashlib.md5(b"abc").digest())
print(hashlib.new("sha1", b"abc").hexdigest())
c = h.copy()
c.update(b"!")
print(h.hexdigest() != c.hexdigest())
#=== str_error
import hashlib
try:
    hashlib.md5("text")
except TypeError as e:
    print("TypeError", e)
#=== encoded_text
import hashlib
def string_to_md5(text):
    return hashlib.md5(text.encode('ascii')).hexdigest() if text else None
print(string_to_md5('Hello world'), string_to_md5(''))
print(hashlib.sha256("héllo".encode("utf-8")).hexdigest()[:16], hashlib.sha1("x".encode()).digest()[:4])
#=== sha3
import hashlib
print(hashlib.sha3_256(b"abc").hexdigest(), hashlib.new("sha3_512", b"").hexdigest()[:20], hashlib.sha3_224(b"x").digest_size)
h = hashlib.sha3_256(b"a")
c = h.copy()
c.update(b"b")
print(c.hexdigest() == hashlib.sha3_256(b"ab").hexdigest(), h.name, hashlib.sha384(b"q").hexdigest()[:16], hashlib.sha224(b"q").hexdigest()[:16])
