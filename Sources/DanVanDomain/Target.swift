// DanVanDomain: see docs/architecture.md. (This file goes once the target has real sources.)
