"""``python -m rasid`` is the command line."""
import subprocess
import sys


def test_python_m_rasid_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "rasid", "stages"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "mentions" in out.stdout and "events" in out.stdout


def test_store_reading_commands_start_without_the_pipeline_or_numpy():
    code = ("import sys, rasid.cli.main, rasid.query, rasid.store\n"
            "print(sorted(m for m in ('numpy', 'rasid.pipeline', 'rasid.stages', 'rasid.doc.layers',"
            " 'rasid.store.writer', 'rasid.lang.ar.tokenize', 'rich.console') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_pipeline_is_there_on_first_use():
    code = "import rasid; from rasid import DEFAULT_STAGES, Pipeline; print(Pipeline.from_names(DEFAULT_STAGES).names)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "events" in out.stdout
