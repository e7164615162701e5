import RecallCLI

RecallCommand.main()
