"""`python -m audit`: Lighthouse and the Nu Html Checker on the built site (`make audit`)."""
