"""Storage for the web app: SQLAlchemy models, migrations, and repositories of plain records.

Services call the repositories; the domain imports nothing from here.
"""
