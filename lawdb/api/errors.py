from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, with every error body carrying a `detail` and a pointer to the docs."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and response.status_code == 400:
        response.data = {
            "detail": "Some query parameters are not valid.",
            "errors": response.data,
            "help": "See /api/v1/schema/ for the parameters each endpoint takes.",
        }
    return response
