import hashlib


def password_hash(password):
    return hashlib.md5(password.encode()).hexdigest()  # unsafe fix: sha256
