# expect: violation import
import glob
print(glob.glob('/*'))
