"""QR codes for printed paper (receipts, posters), drawn by qrencode as SVG."""
import base64
import shutil
import subprocess
import sys


def available():
    """True when qrencode is installed; otherwise says so on stderr."""
    if shutil.which("qrencode") is None:
        print("error: qrencode is not installed (apt-get install qrencode)", file=sys.stderr)
        return False
    return True


def svg(text):
    return subprocess.run(["qrencode", "-t", "SVG", "-m", "1", "-l", "M", "-o", "-", text],
                          capture_output=True, check=True).stdout


def data_uri(text):
    return "data:image/svg+xml;base64," + base64.b64encode(svg(text)).decode()
