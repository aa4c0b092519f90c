from negotiator.cli.main import run

run()
