#!/usr/bin/env python3
"""Executes a notebook as `jupyter nbconvert --to notebook --execute` does (same preprocessor, same writer),
stopping at the first failing cell, but writes the executed notebook in that case too: every output up to the
failing cell's error, which nbconvert itself discards.

    execute-notebook.py KERNEL TIMEOUT_SECONDS INPUT.ipynb OUTPUT.ipynb

TIMEOUT_SECONDS applies to each cell (0: no limit). The kernel runs in INPUT's folder. No timing metadata.
Exit status: 0 every cell ran; 1 a cell failed, timed out or its kernel died (OUTPUT written, the error on
stderr, starting "An error occurred while executing the following cell" for a failing cell); 2 anything else
(nothing written).
"""
import os
import sys
import traceback

import nbformat
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert.exporters import NotebookExporter
from nbconvert.preprocessors import ExecutePreprocessor


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    kernel, timeout, src, out = argv[1], int(argv[2]), argv[3], argv[4]
    nb = nbformat.read(src, as_version=4)
    ep = ExecutePreprocessor(kernel_name=kernel, timeout=timeout if timeout > 0 else None,
                             startup_timeout=120, record_timing=False)
    failure = None
    try:
        ep.preprocess(nb, {"metadata": {"path": os.path.dirname(os.path.abspath(src))}})
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        failure = e
    body, _ = NotebookExporter().from_notebook_node(nb)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(body)
    os.replace(tmp, out)
    if failure is not None:
        print(str(failure) or repr(failure), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception:  # the kernel did not start, the input is not a notebook, ...
        traceback.print_exc()
        sys.exit(2)
