from zytalent.cli.app import main

main()
