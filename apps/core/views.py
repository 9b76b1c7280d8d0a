from django.db import connections
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Answer 200 when a fresh connection to the database works, 503 when it does not.

    A new connection each time (not the request's pooled one), so the answer tells the
    truth even when a persistent connection is still open to a server that went away.
    """
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    finally:
        connection.close()
    return JsonResponse({"status": "ok", "database": "ok"})
