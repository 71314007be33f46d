"""The HTTP API and web page: ``create_app(store_url)`` returns the FastAPI app.

    GET  /api/search?q=          entities (and documents) matching a name
    GET  /api/entities           resolved entities with sanctions status
    GET  /api/entities/{id}      one entity with designations and claims
    GET  /api/claims             claims with evidence (?entity=&predicate=)
    GET  /api/documents[/{id}]   stored reports (one with its text and claims)
    GET  /api/graph              nodes and edges for the network picture
    GET  /api/routes             supply routes into sanctioned actors
    GET  /api/candidates         unsanctioned facilitators ranked for designation
    GET  /api/screen?name=       screen one name against the loaded lists
    POST /api/ingest, /api/merge, /api/split, /api/lists   (bearer token)

Pages: ``/``, ``/search``, ``/entities``, ``/entity/{id}``, ``/graph``, ``/routes``,
``/candidates``, ``/documents``, ``/document/{id}``; OpenAPI docs at ``/docs``.
"""

from sanctrace.api.app import create_app

__all__ = ["create_app"]
