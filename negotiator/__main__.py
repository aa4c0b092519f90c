from negotiator.cli import run

run()
