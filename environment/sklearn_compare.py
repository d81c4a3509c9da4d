#!/usr/bin/env python3
"""Independent reference for GenreLab's Part 1 models (run with Debian's /usr/bin/python3, sklearn 1.2.1).

Reads the exact matrices the Java benchmark exported (ClassicBenchmark: OUT/matrices/train.csv, test.csv;
already standardised on the training part), trains scikit-learn's models with the study's hyperparameters,
and compares macro-F1 with OUT/java_scores.csv: each model must be within --tolerance points (default 1.5).

    /usr/bin/python3 environment/sklearn_compare.py lib/target/classic

The CatBoost row has no scikit-learn twin: HistGradientBoostingClassifier with the same rounds, depth,
learning rate, L2 0 and 254 bins is the closest, and is reported but not held to the tolerance.
Exit status 1 if a held model is off by more than the tolerance.

    /usr/bin/python3 environment/sklearn_compare.py OUT --seeds 5

fits the randomised models (forest, boosting) with seeds SEED..SEED+4 and compares their mean macro-F1 with the
mean of OUT/java_scores.csv's rows of the model (one row per Java run, e.g. five seeds): on a small test set
(200 tracks, one track = 0.5 points) one seed's draw alone can move a forest or a boosting model by more than
the tolerance, on either side.

    /usr/bin/python3 environment/sklearn_compare.py OUT --cold "SVC"

trains one model once, in this fresh interpreter, and prints `cold-fit MODEL IMPORT_SECONDS FIT_SECONDS`: the
import of the model's scikit-learn module (the first in this process, so scikit-learn's and SciPy's loading) and
the first fit, with the data read before the clock starts (`./genrelab bench classic` puts it beside Java's
first fit in a fresh JVM, loading and compiling included).
"""
import argparse
import csv
import sys
import time

import numpy as np

# scikit-learn is imported where it is used, so that --cold can time its import


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=range(3, len(header)))
    y = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=[1], dtype=int)
    return data, y


# the models whose training time is held to scikit-learn's (issue: SVC, forest, logistic regression)
TIME_HELD = {"SVC", "Random forest", "Logistic regression"}


def make(name, seed):
    """The study's model so named, with its hyperparameters (imports its scikit-learn module)."""
    if name == "SVC":
        from sklearn.svm import SVC
        return SVC(C=3, kernel="rbf", gamma="scale", decision_function_shape="ovo")
    if name == "Random forest":
        from sklearn.ensemble import RandomForestClassifier
        return RandomForestClassifier(n_estimators=500, class_weight="balanced", random_state=seed, n_jobs=2)
    if name == "Gradient boosting":
        from sklearn.ensemble import GradientBoostingClassifier
        return GradientBoostingClassifier(learning_rate=0.05, max_depth=5, n_estimators=200, subsample=0.5,
                                          random_state=seed)
    if name == "Logistic regression":
        from sklearn.linear_model import LogisticRegression
        return LogisticRegression(multi_class="multinomial", C=0.01, max_iter=1000)
    if name == "XGBoost (CatBoost stand-in)":
        from sklearn.ensemble import HistGradientBoostingClassifier
        return HistGradientBoostingClassifier(max_iter=800, max_depth=6, learning_rate=0.03, l2_regularization=0.0,
                                              max_bins=254, early_stopping=False, random_state=seed)
    raise SystemExit(f"no model named {name!r}; have {MODELS}")


# the models whose fit depends on the seed
RANDOMISED = {"Random forest", "Gradient boosting", "XGBoost (CatBoost stand-in)"}

MODELS = ["SVC", "Random forest", "Gradient boosting", "Logistic regression", "XGBoost (CatBoost stand-in)"]


def cold(out, name, seed):
    """Import and first fit of one model in this interpreter (which must not have imported scikit-learn)."""
    if name not in MODELS:
        raise SystemExit(f"no model named {name!r}; have {MODELS}")
    if "sklearn" in sys.modules:
        raise SystemExit("--cold needs an interpreter that has not imported scikit-learn yet")
    xtr, ytr = load(f"{out}/matrices/train.csv")
    t0 = time.perf_counter()
    m = make(name, seed)
    t1 = time.perf_counter()
    m.fit(xtr, ytr)
    t2 = time.perf_counter()
    print(f"cold-fit {name} {t1 - t0:.4f} {t2 - t1:.4f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", help="the benchmark's output folder (matrices/, java_scores.csv)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tolerance", type=float, default=1.5, help="allowed macro-F1 difference in points")
    ap.add_argument("--held-only", action="store_true", help="skip the CatBoost analogue (not held to the tolerance)")
    ap.add_argument("--seeds", type=int, default=1,
                    help="mean macro-F1 of the randomised models over seeds SEED..SEED+N-1, against the mean of the Java rows")
    ap.add_argument("--repeat", type=int, default=1, help="fit each model N times; the fastest fit and the total are reported too")
    ap.add_argument("--only", default=None, help="comma-separated model names to run (default: all)")
    ap.add_argument("--cold", metavar="MODEL", default=None, help="time this model's import and first fit, and nothing else")
    a = ap.parse_args()
    if a.cold:
        cold(a.out, a.cold, a.seed)
        return
    from sklearn.metrics import accuracy_score, f1_score
    xtr, ytr = load(f"{a.out}/matrices/train.csv")
    xte, yte = load(f"{a.out}/matrices/test.csv")
    print(f"train {xtr.shape}, test {xte.shape}, classes {len(set(ytr))}"
          + (f"; randomised models: mean over {a.seeds} seeds" if a.seeds > 1 else ""))
    models = {name: make(name, a.seed) for name in MODELS}
    if a.held_only:
        models.pop("XGBoost (CatBoost stand-in)")
    if a.only:
        models = {k: v for k, v in models.items() if k in a.only.split(",")}
    java = {}
    java_f1 = {}  # every Java run's macro-F1 and accuracy per model: their means are compared
    try:
        with open(f"{a.out}/java_scores.csv") as f:
            for r in csv.DictReader(f):
                java.setdefault(r["model"], r)
                java_f1.setdefault(r["model"], []).append((float(r["macro_f1"]), float(r["accuracy"])))
    except FileNotFoundError:
        print(f"no {a.out}/java_scores.csv yet: scikit-learn figures only")
    held = {"SVC", "Random forest", "Gradient boosting", "Logistic regression"}
    print(f"{'model':28s} {'java F1':>8s} {'sklearn F1':>10s} {'diff pts':>8s} {'java acc':>8s} {'skl acc':>8s}"
          f" {'java train s':>12s} {'skl train s':>11s} {'java fastest':>12s} {'skl fastest':>11s}"
          f" {'java all ' + str(a.repeat):>12s} {'skl all ' + str(a.repeat):>11s}")
    bad = []
    timed = []  # (model, java first, sklearn first, java total, sklearn total)
    for name, m in models.items():
        t = time.perf_counter()
        m.fit(xtr, ytr)
        fit_s = time.perf_counter() - t
        fastest = fit_s
        total = fit_s
        for _ in range(a.repeat - 1):
            t = time.perf_counter()
            m.fit(xtr, ytr)
            d = time.perf_counter() - t
            fastest = min(fastest, d)
            total += d
        p = m.predict(xte)
        f1 = f1_score(yte, p, average="macro")
        acc = accuracy_score(yte, p)
        if a.seeds > 1 and name in RANDOMISED:  # the mean over seeds seed..seed+n-1
            scores = [(f1, acc)]
            for k in range(1, a.seeds):
                mk = make(name, a.seed + k)
                mk.fit(xtr, ytr)
                pk = mk.predict(xte)
                scores.append((f1_score(yte, pk, average="macro"), accuracy_score(yte, pk)))
            f1 = float(np.mean([s[0] for s in scores]))
            acc = float(np.mean([s[1] for s in scores]))
        j = java.get(name)
        jf1 = float(np.mean([s[0] for s in java_f1[name]])) if j else float("nan")
        jacc = float(np.mean([s[1] for s in java_f1[name]])) if j else float("nan")
        diff = 100 * (jf1 - f1)
        print(f"{name:28s} {jf1:8.4f} {f1:10.4f} {diff:+8.2f} {jacc:8.4f}"
              f" {acc:8.4f} {float(j['train_seconds']) if j else float('nan'):12.2f} {fit_s:11.2f}"
              f" {float(j.get('fastest_train_seconds') or 'nan') if j else float('nan'):12.2f} {fastest:11.2f}"
              f" {float(j.get('total_train_seconds') or 'nan') if j else float('nan'):12.2f} {total:11.2f}"
              + ("" if name in held else "   (HistGradientBoosting analogue, not held)"), flush=True)
        if name in held and j and not abs(diff) <= a.tolerance:
            bad.append(name)
        if name in TIME_HELD and j and j.get("total_train_seconds"):
            timed.append((name, float(j["train_seconds"]), fit_s, float(j["total_train_seconds"]), total))
    if timed:
        faster = ", ".join(t[0] for t in timed if t[3] <= t[4]) or "none"
        slower = ", ".join(t[0] for t in timed if t[3] > t[4])
        print(f"training time, all {a.repeat} fits: Java's total lower for {faster}"
              + (f"; higher for {slower}" if slower else "")
              + ("" if a.repeat >= 15 else " (notebook 02 fits each model 15 times: --repeats 15)"))
        first = ", ".join(t[0] for t in timed if t[1] > t[2])
        if first:
            print(f"  the first fit slower in Java for {first}: a fresh JVM's first fit includes loading and compiling the"
                  " code, while scikit-learn's import, before this clock, readied its code (--cold counts both)")
    if bad:
        print(f"FAIL: macro-F1 differs by more than {a.tolerance} points for {bad}")
        sys.exit(1)
    print(f"OK: every held model within {a.tolerance} macro-F1 points of scikit-learn")


if __name__ == "__main__":
    main()
