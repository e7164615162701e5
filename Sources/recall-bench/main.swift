// Prints one line per benchmark. Build in release: swift run -c release recall-bench
#if DEBUG
  print("recall-bench: this is a debug build; use `swift run -c release recall-bench`")
#endif
print(benchmarkGeneration())
