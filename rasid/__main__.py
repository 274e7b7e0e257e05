"""``python -m rasid`` runs the command line, as ``rasid`` does."""
from rasid.cli.main import main

if __name__ == "__main__":
    main()
