"""govnews-kg: Chinese local-government news pages -> a knowledge graph."""

__version__ = "0.1.0"
