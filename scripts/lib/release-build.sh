# Release builds for scripts/recall, scripts/bench and scripts/make-collection.
#
# The Swift runtime and Foundation are linked statically when the toolchain has them: the
# program then starts without binding thousands of symbols in shared libraries, which is a
# third of the time to the first question on a small deck. Toolchains without the static
# libraries get the usual dynamic build.
# Needs $root, the repository; builds there whatever the current directory.
recall_release_build() {
  if ! (cd "$root" && swift build -c release --static-swift-stdlib "$@" >&2); then
    echo "recall: static linking failed; building with shared libraries instead" >&2
    (cd "$root" && swift build -c release "$@" >&2)
  fi
}
