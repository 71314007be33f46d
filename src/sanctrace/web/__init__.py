"""Templates and static assets of the web page (``sanctrace serve``).

``templates/`` holds Jinja2 templates (autoescaped); ``static/`` the stylesheet and the
page scripts; ``static/vendor/`` the pinned third-party scripts that ``make`` vendors
from npm (scripts/vendor-js.sh).
"""
