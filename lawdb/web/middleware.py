from django.utils.cache import patch_cache_control, patch_vary_headers

CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


class PrivacyHeadersMiddleware:
    """Headers for a site people visit in fear: nothing loads from elsewhere, nothing leaks the
    page they were on, a search's words are kept by no cache, and other public pages are
    cacheable by any shared cache in front."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.setdefault("Referrer-Policy", "same-origin")
        if "q" in request.GET and not response.has_header("Cache-Control"):
            # what a person typed is not kept by any cache, shared or their browser's
            patch_cache_control(response, private=True, no_store=True)
        cacheable = (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and not request.path.startswith("/admin")
        )
        if cacheable:
            patch_cache_control(response, public=True, max_age=300)
            patch_vary_headers(response, ["Accept-Encoding"])
        return response
