"""The Streamlit web UI (`memex ui`): app.py is the script, render.py its pure formatting helpers."""
