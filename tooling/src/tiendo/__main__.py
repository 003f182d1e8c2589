from tiendo.cli import main

main()
