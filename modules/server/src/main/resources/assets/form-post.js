// Submits the form-post page's form at once; without JavaScript its button does it.
document.getElementById("form-post").submit();
