"""The Content-Security-Policy of every response (django-csp), and its newsroom variant.

Public pages run no inline script and no inline style at all. The newsroom (/admin/) keeps
the same script policy, with a nonce for the editor's import map, and allows inline style
attributes, which Django's admin templates and jQuery UI write.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

NEWSROOM_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not request.path.startswith(NEWSROOM_PREFIX):
            return parts
        update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return PolicyParts(parts.config, update, parts.replace, parts.nonce)
