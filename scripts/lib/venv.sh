# Shared by scripts/run-demo and scripts/test (sourced, not run).
# Creates .venv with Python >= 3.11 if it is missing or broken, and installs the project into it.
# The install is skipped when pyproject.toml has not changed since the last one (a stamp holds its hash).

REQUIRED_PYTHON="3.11"

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

venv_is_usable() {
    [ -x .venv/bin/python ] &&
        .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null
}

# ensure_venv runtime|test
ensure_venv() {
    local kind="$1" python target stamp wanted
    if ! venv_is_usable; then
        if ! python="$(find_python)"; then
            echo "Réconfort needs Python ${REQUIRED_PYTHON} or newer (python3 --version). Set PYTHON=/path/to/python3.11 if it is elsewhere." >&2
            exit 1
        fi
        echo "Creating the virtual environment in .venv (with $("$python" --version))…"
        rm -rf .venv
        if ! "$python" -m venv .venv; then
            echo "Could not create a virtual environment. On Debian or Ubuntu: sudo apt-get install python3-venv" >&2
            exit 1
        fi
    fi
    case "$kind" in
        runtime) target="." ;;
        test) target=".[test]" ;;
        *) echo "ensure_venv: unknown kind $kind" >&2; exit 2 ;;
    esac
    wanted="$(.venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())')"
    stamp=".venv/.reconfort-installed-$kind"
    # The test install includes the runtime one.
    if [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] ||
        { [ "$kind" = runtime ] && [ "$(cat .venv/.reconfort-installed-test 2>/dev/null)" = "$wanted" ]; }; then
        return 0
    fi
    echo "Installing Réconfort and its dependencies into .venv (${kind})…"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
    echo "$wanted" >"$stamp"
}
