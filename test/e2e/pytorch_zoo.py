#!/usr/bin/env python3
"""A zoo of PyTorch models through ONNX into tlc, checked against PyTorch.

torchvision classifiers with random weights (nothing downloaded), a
transformer encoder layer (with and without a key padding mask), recurrent
classifiers (LSTM, bidirectional 2-layer GRU), a conv autoencoder with
ConvTranspose2d, an ESPCN-style super-resolution net (PixelShuffle, PReLU)
and text classifiers with an embedding. Each is exported with
torch.onnx.export (opset 13), compiled with tl-compile and run with tl-run;
outputs must match PyTorch's (rtol 1e-4, atol 1e-4 x max|out|), as in
pytorch_models.py whose machinery this shares. Models with a dynamic batch
axis are compiled once and run at two batch sizes.

Models marked xfail need operators tl does not have yet; they must fail with
the error named in their mark (an unexpected pass is reported). Slow models
(big weights, long compiles) run only by name or with --all.

  pytorch_zoo.py --bin build/bin [--all] [--benchmark N] [--threads T] [names...]
"""

import sys

import torch
import torch.nn as nn

from pytorch_models import (Case, main, normal, padding_mask, single, tokens,
                            torchvision_model, uniform)


#===------------------------------------------------------------------------===#
# Hand-written models
#===------------------------------------------------------------------------===#

class TransformerEncoder(nn.Module):
    """One nn.TransformerEncoderLayer (batch_first), optionally masked."""

    def __init__(self, d_model=64, nhead=4, ff=128, **kw):
        super().__init__()
        self.layer = nn.TransformerEncoderLayer(d_model, nhead, ff, dropout=0.0,
                                                batch_first=True, **kw)

    def forward(self, x, mask=None):
        return self.layer(x, src_key_padding_mask=mask)


class RecurrentClassifier(nn.Module):
    """Embedding, a recurrent layer, a linear head on the last time step."""

    def __init__(self, cell, vocab=100, embed=32, hidden=48, classes=5, **kw):
        super().__init__()
        self.embed = nn.Embedding(vocab, embed)
        self.rnn = cell(embed, hidden, batch_first=True, **kw)
        directions = 2 if kw.get("bidirectional") else 1
        self.fc = nn.Linear(hidden * directions, classes)

    def forward(self, tokens):
        out, _ = self.rnn(self.embed(tokens))
        return self.fc(out[:, -1])


def lstm_classifier():
    return RecurrentClassifier(nn.LSTM)


def gru_classifier():
    return RecurrentClassifier(nn.GRU, hidden=24, num_layers=2,
                               bidirectional=True)


class ConvAutoencoder(nn.Module):
    """Strided convs down, ConvTranspose2d (stride 2, output_padding) up."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.BatchNorm2d(32),
            nn.ReLU())
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1),
            nn.ReLU(),
            nn.ConvTranspose2d(16, 3, 3, stride=2, padding=1, output_padding=1),
            nn.Sigmoid())

    def forward(self, x):
        return self.decoder(self.encoder(x))


class ESPCN(nn.Module):
    """Efficient sub-pixel convolution (Shi et al. 2016): convs with PReLU,
    then PixelShuffle by `scale` (no output activation)."""

    def __init__(self, scale=3, channels=1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels, 64, 5, padding=2), nn.PReLU(64),
            nn.Conv2d(64, 32, 3, padding=1), nn.PReLU(),
            nn.Conv2d(32, channels * scale * scale, 3, padding=1))
        self.shuffle = nn.PixelShuffle(scale)

    def forward(self, x):
        return self.shuffle(self.body(x))


class TextClassifier(nn.Module):
    """nn.Embedding, mean pooling over the sequence, a 2-layer MLP head."""

    def __init__(self, vocab=1000, embed=64, classes=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, embed, padding_idx=0)
        self.fc1 = nn.Linear(embed, 32)
        self.fc2 = nn.Linear(32, classes)

    def forward(self, tokens):
        x = self.embed(tokens).mean(dim=1)
        return self.fc2(torch.relu(self.fc1(x)))


class BagClassifier(nn.Module):
    """nn.EmbeddingBag (mean) over fixed-length bags and a linear head."""

    def __init__(self, vocab=1000, embed=64, classes=4):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocab, embed, mode="mean")
        self.fc = nn.Linear(embed, classes)

    def forward(self, tokens):
        return self.fc(self.bag(tokens))


def unsupported(op):
    return (f"{op} is not a tl op yet", rf"\({op}\): unsupported operator")


def vision(name, dynamic=True, size=224, slow=False, **kw):
    """A torchvision classifier on size x size images: dynamic batch
    (exported at 2, run at 1 and 2) or static batch 1."""
    shape = (2 if dynamic else 1, 3, size, size)
    return single(torchvision_model(name, **kw), shape,
                  [1, 2] if dynamic else None, slow=slow)


ZOO = {
    # torchvision classifiers, random weights.
    "mobilenet_v2": vision("mobilenet_v2"),
    "mobilenet_v3_small": vision("mobilenet_v3_small"),
    "squeezenet1_1": vision("squeezenet1_1"),
    "shufflenet_v2_x0_5": vision("shufflenet_v2_x0_5"),
    "efficientnet_b0": vision("efficientnet_b0", dynamic=False),
    "regnet_x_400mf": vision("regnet_x_400mf", dynamic=False),
    "mnasnet0_5": vision("mnasnet0_5", dynamic=False),
    # init_weights=False: PyTorch's default init (inception's own truncated
    # normals let activations grow to 1e14 over random batch norms).
    "googlenet": vision("googlenet", dynamic=False, slow=True,
                        aux_logits=False, init_weights=False),
    "inception_v3": vision("inception_v3", dynamic=False, size=299, slow=True,
                           aux_logits=False, init_weights=False),
    "densenet121": vision("densenet121", dynamic=False, slow=True),
    "alexnet": vision("alexnet", dynamic=False, slow=True),
    "vgg11": vision("vgg11", dynamic=False, slow=True),
    "resnext50_32x4d": vision("resnext50_32x4d", dynamic=False, slow=True),
    # Sequence models.
    "transformer_encoder": single(TransformerEncoder, (2, 10, 64), [1, 3]),
    "transformer_encoder_mask": Case(
        TransformerEncoder,
        [("input", normal(2, 10, 64), 2), ("mask", padding_mask(10), 2)],
        [1, 3]),
    # Opset 17 exports the layer norms as LayerNormalization; pre-norm, GELU.
    "transformer_prenorm_gelu_opset17": single(
        lambda: TransformerEncoder(activation="gelu", norm_first=True),
        (2, 10, 64), [1, 3], opset=17),
    "lstm_classifier": Case(lstm_classifier, [("input", tokens(100, 2, 12), 2)],
                            [1, 3]),
    "gru_bidir_classifier": Case(gru_classifier,
                                 [("input", tokens(100, 2, 12), 2)], [1, 3]),
    "text_classifier": Case(TextClassifier, [("input", tokens(1000, 2, 16), 2)],
                            [1, 5]),
    "embedding_bag_classifier": Case(BagClassifier,
                                     [("input", tokens(1000, 2, 16), 2)], [1, 5],
                                     xfail=("Range with a runtime limit (the Loop "
                                            "imports as tl.loop)",
                                            r"\(Range\): input 'limit'.* must be "
                                            r"known at import time")),
    # Image-to-image models.
    "conv_autoencoder": single(ConvAutoencoder, (2, 3, 64, 64), [1, 3],
                               make=uniform),
    "espcn_x3": single(ESPCN, (1, 1, 64, 64), [1, 2], make=uniform),
}


if __name__ == "__main__":
    sys.exit(main(ZOO, __doc__, "zoo models"))
