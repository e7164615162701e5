# Shared by scripts/recall and scripts/test: make sure the system packages Recall needs exist.
# Installs them with apt-get when running as root; otherwise prints the command and fails.

recall_ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "recall: installing ${missing[*]} with apt-get…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "recall: missing system packages: ${missing[*]}" >&2
    echo "recall: install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}
