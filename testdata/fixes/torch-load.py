import torch


def restore(path):
    return torch.load(path)
