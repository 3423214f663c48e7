"""Write grader/templates/requirements.lock: the exact packages Gradescope's setup.sh installs.

Run it after changing the dependencies in pyproject.toml:  python3 .ci/lock.py

The grader's runtime dependencies (pyproject's list without nox) are resolved for the oldest supported
Python, and those versions are pinned for every other one, so every platform grades with the same
packages. pip downloads the Linux x86_64 wheels of each package for each supported Python from PyPI
itself (no local mirror, no configuration), with that Python (it decides the markers), and the lock lists the sha256 of every Linux x86_64 wheel PyPI has for each pinned release, because
``pip install --require-hashes`` refuses a wheel whose hash is not listed. A package that only some
Pythons need (tomli, exceptiongroup on 3.10) gets a ``python_version`` marker.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

try:
    import tomllib
except ImportError:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "grader" / "templates" / "requirements.lock"
PYTHONS = ("3.10", "3.11", "3.12", "3.13")  # keep in step with setup.sh and pyproject's requires-python
# Gradescope's images: Ubuntu 22.04 or 24.04 on x86_64 (glibc 2.35 or newer takes all of these)
PLATFORMS = ("manylinux2014_x86_64", "manylinux_2_28_x86_64", "manylinux_2_34_x86_64", "linux_x86_64")


def runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [d for d in project["dependencies"] if not d.startswith("nox")]


def interpreter(version):
    """That Python, from pyenv or PATH: pip evaluates markers (python_version < "3.11") with the Python it runs on."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = next((str(p) for p in sorted(pyenv.glob(f"{version}.*/bin/python{version}"), reverse=True)),
                 None) or shutil.which(f"python{version}")  # pyenv first: its shims answer for versions not enabled
    if not found:
        sys.exit(f"Python {version} is needed to lock its packages: install it (e.g. pyenv install {version})")
    return found


def download(python, requirements, folder):
    """The wheels pip would install for this Python on Gradescope's platform: {name: (version, [files])}."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull  # PyPI's own files, whatever this machine's pip is set up with
    platforms = [arg for p in PLATFORMS for arg in ("--platform", p)]
    subprocess.run([interpreter(python), "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "--index-url", "https://pypi.org/simple", "--only-binary", ":all:", *platforms,
                    "--python-version", python, "--implementation", "cp", "--dest", str(folder), *requirements],
                   env=env, check=True)
    found = {}
    for wheel in sorted(Path(folder).glob("*.whl")):
        name, version = wheel.name.split("-")[:2]
        found.setdefault(canonical(name), (version, []))[1].append(wheel)
    return found


def linux_wheel_hashes(name, version):
    """The sha256 of every Linux x86_64 (or pure Python) wheel PyPI has for that release: the pip on a given
    image may prefer another manylinux variant than the one pip download picked here."""
    request = urllib.request.Request(f"https://pypi.org/simple/{name}/",
                                     headers={"Accept": "application/vnd.pypi.simple.v1+json"})  # PEP 691
    with urllib.request.urlopen(request, timeout=60) as answer:
        files = json.load(answer)["files"]
    release = f"{name.replace('-', '_')}-{version}-"
    return {f["hashes"]["sha256"] for f in files
            if f["filename"].lower().startswith(release) and f["filename"].endswith(".whl")
            and (f["filename"].endswith("-any.whl") or ("linux" in f["filename"] and "x86_64" in f["filename"]))}


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def main():
    per_python = {}
    pins = None
    with tempfile.TemporaryDirectory() as tmp:
        constraints = Path(tmp) / "pins.txt"
        for python in PYTHONS:
            extra = [] if pins is None else ["--constraint", str(constraints)]
            per_python[python] = download(python, [*runtime_dependencies(), *extra], Path(tmp) / python)
            if pins is None:
                pins = {name: version for name, (version, _) in per_python[python].items()}
                constraints.write_text("".join(f"{n}=={v}\n" for n, v in pins.items()))
        # A package some later Python needs that the oldest did not would be missing from the pins.
        for python, found in per_python.items():
            extra = set(found) - set(pins)
            if extra:
                sys.exit(f"Python {python} needs {sorted(extra)}, which {PYTHONS[0]} does not: lock by hand")
        lines = ["# Made by .ci/lock.py from pyproject.toml: the packages setup.sh installs on Gradescope",
                 "# (pip install --require-hashes). Do not edit; run python3 .ci/lock.py again instead.", ""]
        for name in sorted(pins):
            needed_by = [p for p in PYTHONS if name in per_python[p]]
            marker = ""
            if len(needed_by) < len(PYTHONS):
                last = PYTHONS.index(needed_by[-1])
                assert needed_by == list(PYTHONS[:last + 1]), (name, needed_by)
                marker = f' ; python_version < "{PYTHONS[last + 1]}"'
            hashes = sorted({hashlib.sha256(w.read_bytes()).hexdigest()
                             for p in needed_by for w in per_python[p][name][1]} | linux_wheel_hashes(name, pins[name]))
            lines.append(f"{name}=={pins[name]}{marker} \\")
            lines += [f"    --hash=sha256:{h} \\" for h in hashes[:-1]] + [f"    --hash=sha256:{hashes[-1]}"]
    LOCK.write_text("\n".join(lines) + "\n")
    print(f"wrote {LOCK.relative_to(ROOT)}: {', '.join(f'{n}=={v}' for n, v in sorted(pins.items()))}")


if __name__ == "__main__":
    main()
