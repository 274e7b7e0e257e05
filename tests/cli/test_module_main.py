"""``python -m rasid`` is the command line."""
import subprocess
import sys


def test_python_m_rasid_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "rasid", "stages"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "mentions" in out.stdout and "events" in out.stdout
