"""What serves the developers, not the product: outside apps/, never copied into the image."""
