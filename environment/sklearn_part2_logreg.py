#!/usr/bin/env python3
"""Independent reference for GenreLab's Part 2 baseline (run with Debian's /usr/bin/python3, sklearn 1.2.1).

The study's logistic regression on its own VGGish embeddings, as its write-up gives it: scikit-learn's
multinomial LogisticRegression, solver 'newton-cg', C = 0.001, on the flattened 31 x 128 sequences of
FMA's official training split. Tracks are kept as GenreLab's StudyEmbeddings keeps them: labelled, with an
embedding file of exactly 31 frames. With --representation clip-statistics, each track is instead the
per-dimension mean, standard deviation (ddof 0), minimum and maximum over its frames (4 x 128). Writes the test split's predictions (track_id,predicted as genre index
into the sorted genre names) to OUT and prints macro-F1 and accuracy.

    /usr/bin/python3 environment/sklearn_part2_logreg.py ../shared/data OUT.csv [--c 0.001] [--solver newton-cg]
        [--representation flattened|clip-statistics]
"""
import argparse
import csv
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

FRAMES = 31


def represent(a, representation):
    """One row per track: the study's flattened sequence, or its clip statistics over frames."""
    if representation == "flattened":
        return a.reshape(-1)
    # GenreLab's EmbeddingRepresentation.CLIP_STATISTICS: per dimension mean, std (ddof 0), min, max
    return np.concatenate([a.mean(0), a.std(0), a.min(0), a.max(0)])


def load_split(data, name, labels, genres, representation):
    ids, xs, ys = [], [], []
    for i in np.load(f"{data}/study-embeddings/{name}.npy"):
        i = int(i)
        try:
            a = np.load(f"{data}/study-embeddings/embeddings/{i}.npy")
        except FileNotFoundError:
            continue
        if a.shape[0] != FRAMES or labels.get(i) is None:
            continue
        ids.append(i)
        xs.append(represent(a.astype(np.float64), representation))
        ys.append(genres.index(labels[i]))
    return ids, np.array(xs, dtype=np.float64), np.array(ys)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", help="folder holding fma_small_tracks.csv and study-embeddings/")
    ap.add_argument("out", help="CSV of the test split's predictions")
    ap.add_argument("--c", type=float, default=0.001)
    ap.add_argument("--solver", default="newton-cg")
    ap.add_argument("--representation", choices=["flattened", "clip-statistics"], default="flattened")
    a = ap.parse_args()
    with open(f"{a.data}/fma_small_tracks.csv") as f:
        labels = {int(r["track_id"]): r["genre_top"] or None for r in csv.DictReader(f)}
    genres = sorted({g for g in labels.values() if g})
    _, xtr, ytr = load_split(a.data, "train", labels, genres, a.representation)
    ids, xte, yte = load_split(a.data, "test", labels, genres, a.representation)
    t = time.perf_counter()
    m = LogisticRegression(C=a.c, solver=a.solver, multi_class="multinomial").fit(xtr, ytr)
    p = m.predict(xte)
    print(f"train {xtr.shape}, test {xte.shape}; {a.solver} C={a.c}: {m.n_iter_[0]} iterations, "
          f"{time.perf_counter() - t:.1f} s; test macro-F1 {100 * f1_score(yte, p, average='macro'):.2f}, "
          f"accuracy {100 * accuracy_score(yte, p):.2f} ({int((p == yte).sum())}/{len(yte)})")
    with open(a.out, "w") as f:
        f.write("track_id,predicted\n")
        for i, k in zip(ids, p):
            f.write(f"{i},{k}\n")


if __name__ == "__main__":
    main()
