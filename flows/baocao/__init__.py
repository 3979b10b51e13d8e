"""baocao: Vietnamese socio-economic reports -> facts -> Parquet lake -> DuckDB -> dbt marts.

The data's path, one module each:
  inbox.py (drop folder) -> parse/ (pure library, no Prefect) -> lake.py (Parquet, polars)
  -> warehouse.py (DuckDB) -> marts.py (dbt) ; pipeline.py wires them into Prefect flows.
"""

__version__ = "0.1.0"
