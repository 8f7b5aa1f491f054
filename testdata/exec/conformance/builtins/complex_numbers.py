z = complex(1, 2)
print(z, z * z, abs(complex(3, 4)), z.real, z.imag, z.conjugate())
