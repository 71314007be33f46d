"""The network across all reports: assembly, routes, candidates, corroboration, timeline.

load_network(store)            the assembled Network (cached per store state)
find_routes(net, to=, origin=) supply routes into sanctioned entities, ranked
find_candidates(net)           unlisted actors ranked by how directly they feed listed ones
corroborate(store, records)    documents / lineages / contradictions per claim
timeline(store, net, node)     one entity's claims by event and report date
"""

from sanctrace.graph.assemble import load_network
from sanctrace.graph.candidates import candidate_views, find_candidates
from sanctrace.graph.corroboration import corroborate
from sanctrace.graph.network import Network, build_network
from sanctrace.graph.routes import find_routes, route_views
from sanctrace.graph.timeline import timeline

__all__ = [
    "Network",
    "build_network",
    "candidate_views",
    "corroborate",
    "find_candidates",
    "find_routes",
    "load_network",
    "route_views",
    "timeline",
]
