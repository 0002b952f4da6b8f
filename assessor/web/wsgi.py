"""The app as gunicorn serves it: `gunicorn assessor.web.wsgi:app` (settings from the environment)."""

from assessor.web import create_app

app = create_app()
